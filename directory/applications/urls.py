"""Public pages of the recognition application (/apply/, /en/apply/)."""

from django.urls import path

from .views import accounts, form, pages

app_name = "applications"

urlpatterns = [
    path("", pages.landing, name="landing"),
    path("register/", accounts.register, name="register"),
    path("register/done/", accounts.register_done, name="register_done"),
    path("confirm/", accounts.confirm_needed, name="confirm_needed"),
    path("confirm/<str:token>/", accounts.confirm, name="confirm"),
    path("sign-in/", accounts.SignInView.as_view(), name="sign_in"),
    path("sign-out/", accounts.SignOutView.as_view(), name="sign_out"),
    path("password/", accounts.PasswordResetView.as_view(), name="password_reset"),
    path("password/sent/", accounts.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "password/<uidb64>/<token>/",
        accounts.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/done/",
        accounts.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("my/", pages.my_applications, name="my"),
    path("new/", pages.start, name="start"),
    path("<int:pk>/", form.overview, name="overview"),
    path("<int:pk>/submit/", form.submit, name="submit"),
    path("<int:pk>/files/<path:name>", form.download, name="file"),
    path("<int:pk>/<slug:section>/", form.section, name="section"),
]
