from django.urls import path

from gongkai.publishing import views

app_name = "publishing"
urlpatterns = [
    path("", views.item_list, name="list"),
    path("new/", views.item_create, name="create"),
    path("<int:pk>/", views.item_detail, name="detail"),
    path("<int:pk>/edit/", views.item_edit, name="edit"),
    path("<int:pk>/submit/", views.item_step, {"step": "submit"}, name="submit"),
    path("<int:pk>/pass-review/", views.item_step, {"step": "pass_review"}, name="pass_review"),
    path("<int:pk>/publish/", views.item_step, {"step": "publish"}, name="publish"),
    path("<int:pk>/return/", views.item_return, name="return"),
    path("<int:pk>/withdraw/", views.item_withdraw, name="withdraw"),
    path("<int:pk>/validity/", views.item_validity, name="validity"),
    path("<int:pk>/attachments/", views.attachment_add, name="attachment_add"),
    path("<int:pk>/attachments/<int:attachment_pk>/", views.attachment_download, name="attachment"),
    path("review/", views.review_queue, name="review_queue"),
    path("approval/", views.approval_queue, name="approval_queue"),
    path("deadlines/", views.deadlines, name="deadlines"),
    path("catalogue/", views.catalogue, name="catalogue"),
]
