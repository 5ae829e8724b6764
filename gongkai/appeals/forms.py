from django import forms

from gongkai.appeals.models import Appeal, AppealResult
from gongkai.widgets import IsoDateInput


class AppealForm(forms.ModelForm):
    class Meta:
        model = Appeal
        fields = ["agency", "kind", "application", "reconsideration", "body", "case_number", "appellant",
                  "subject", "filed_on"]
        widgets = {"filed_on": IsoDateInput(), "subject": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        from gongkai.applications.models import Application

        self.fields["agency"].queryset = agencies
        self.fields["application"].queryset = Application.objects.filter(agency__in=agencies)
        self.fields["reconsideration"].queryset = Appeal.objects.filter(agency__in=agencies, kind="reconsideration")
        if self.instance.pk:
            self.fields["agency"].disabled = True


class DecisionForm(forms.Form):
    result = forms.ChoiceField(label="结果", choices=AppealResult.choices)
    decided_on = forms.DateField(label="审结日期", required=False, widget=IsoDateInput())
    note = forms.CharField(label="决定或裁判要旨", required=False, widget=forms.Textarea(attrs={"rows": 3}))
