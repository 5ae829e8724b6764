from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "gongkai.accounts"
    verbose_name = "工作人员账号"

    def ready(self):
        # Registers the production start-up checks (a module of the project, not of an app).
        from gongkai import productionchecks  # noqa: F401
