from django.urls import path

from gongkai.mailbox import public_views

app_name = "mailbox_public"
urlpatterns = [
    path("", public_views.letter_list, name="list"),
    path("write/", public_views.write, name="write"),
    path("sent/", public_views.sent, name="sent"),
    path("track/", public_views.track, name="track"),
    path("<int:pk>/", public_views.letter_detail, name="detail"),
]
