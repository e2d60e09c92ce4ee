from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "awaz.jobs"
    label = "jobs"
    verbose_name = "Jobs and mail"
