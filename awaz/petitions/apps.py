from django.apps import AppConfig


class PetitionsConfig(AppConfig):
    name = "awaz.petitions"
    label = "petitions"
