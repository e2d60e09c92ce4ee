from django.apps import AppConfig


class PetitionsConfig(AppConfig):
    name = "awaz.petitions"
    label = "petitions"

    def ready(self) -> None:
        from awaz.petitions import versions

        versions.connect()
