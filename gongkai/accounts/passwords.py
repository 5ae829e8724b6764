"""Password rules beyond Django's: only the wording of one message.

Django 5.2 reworded MinimumLengthValidator's message and its Chinese catalogue has not
caught up, so the message would show in English on a Chinese page.
"""

from django.contrib.auth.password_validation import MinimumLengthValidator


class ChineseMinimumLengthValidator(MinimumLengthValidator):
    def get_error_message(self):
        return f"密码长度太短，至少需要 {self.min_length} 个字符。"

    def get_help_text(self):
        return f"密码至少需要 {self.min_length} 个字符。"
