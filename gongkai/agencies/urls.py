from django.contrib.auth import views as auth_views
from django.urls import path

from gongkai import throttling
from gongkai.agencies import views

app_name = "agencies"
urlpatterns = [
    path("", views.home, name="home"),
    # Django's log-in, limited per client address, with a captcha after failures.
    path("login/", throttling.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("agencies/", views.agency_list, name="list"),
    path("agencies/<slug:code>/", views.agency_edit, name="edit"),
]
