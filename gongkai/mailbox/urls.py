from django.urls import path

from gongkai.mailbox import views

app_name = "mailbox"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("statistics/", views.statistics, name="statistics"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/assign/", views.assign, name="assign"),
    path("<int:pk>/close/", views.close, name="close"),
    path("<int:pk>/draft/", views.draft, name="draft"),
    path("<int:pk>/approve/", views.approve, name="approve"),
    path("<int:pk>/return/", views.return_reply, name="return"),
    path("<int:pk>/publish/", views.publish, name="publish"),
]
