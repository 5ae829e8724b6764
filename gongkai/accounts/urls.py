from django.urls import path

from gongkai.accounts import views

app_name = "accounts"
urlpatterns = [
    path("two-factor/", views.two_factor, name="two_factor"),
    path("password/", views.password_change, name="password_change"),
    path("staff/", views.staff_list, name="staff_list"),
    path("staff/<int:user_id>/reset-password/", views.staff_reset_password, name="staff_reset_password"),
    path("staff/<int:user_id>/reset-two-factor/", views.staff_reset_two_factor, name="staff_reset_two_factor"),
]
