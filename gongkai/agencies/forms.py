from django import forms

from gongkai.agencies.models import Agency
from gongkai.publishing.sanitize import clean_html


class AgencyProfileForm(forms.ModelForm):
    class Meta:
        model = Agency
        fields = [
            "office_name", "office_address", "office_hours", "office_phone", "office_fax",
            "office_email", "office_postcode", "head", "functions", "reconsideration_body",
            "fee_payment_method", "guide", "rules",
        ]
        widgets = {"guide": forms.Textarea(attrs={"rows": 12}), "rules": forms.Textarea(attrs={"rows": 12})}

    def clean_guide(self):
        return clean_html(self.cleaned_data["guide"])

    def clean_rules(self):
        return clean_html(self.cleaned_data["rules"])
