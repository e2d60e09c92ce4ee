from django.contrib.auth import views as auth_views
from django.urls import path

from awaz.dashboard.views import accounts, two_factor
from awaz.http.methods import post_only

app_name = "accounts"
urlpatterns = [
    path("", accounts.account, name="account"),
    path("signup/", accounts.signup, name="signup"),
    path("check-your-inbox/", accounts.sent, name="sent"),
    path("verify/again/", accounts.verify_again, name="verify-again"),
    path("verify/<str:token>/", accounts.verify, name="verify"),
    path("login/", accounts.LoginView.as_view(), name="login"),
    path("two-factor/", two_factor.verify, name="two-factor"),
    path("two-factor/set-up/", two_factor.setup, name="two-factor-setup"),
    # Logging out takes a POST (a link could log anyone out); a GET leads to the dashboard.
    path("logout/", post_only("dashboard:home")(auth_views.LogoutView.as_view()), name="logout"),
    path("password/", accounts.password_reset, name="password-reset"),
    path(
        "password/<uidb64>/<token>/",
        accounts.PasswordResetConfirmView.as_view(),
        name="password-reset-confirm",
    ),
]
