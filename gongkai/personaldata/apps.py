from django.apps import AppConfig


class PersonalDataConfig(AppConfig):
    name = "gongkai.personaldata"
    label = "personaldata"
    verbose_name = "个人信息保护"
