from django.apps import AppConfig


class ConfigConfig(AppConfig):
    """The top floor: settings, URLs and the commands that may use every package (the demo loader)."""

    name = "config"
    verbose_name = "Configuration"
