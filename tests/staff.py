"""Logging members of staff in, in tests, the way the site requires them to be logged in."""

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from awaz.accounts.models import User


def staff_device(user: User) -> TOTPDevice:
    """`user`'s authenticator app, set up (confirmed) if they had none."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="authenticator app")


def current_code(device: TOTPDevice) -> str:
    """The code the authenticator app shows now."""
    return f"{totp(device.bin_key, device.step, device.t0, device.digits):0{device.digits}d}"


def login_staff(client: Client, user: User) -> None:
    """Log `user` in as a member of staff who has passed every step the site asks of staff:
    their password, then a code from their authenticator app (set up here if need be)."""
    device = staff_device(user)
    client.force_login(user)
    # What django_otp.login() does once a code is accepted: the session names the device.
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def staff_client(user: User) -> Client:
    """A browser of `user`'s, logged in with login_staff."""
    client = Client()
    login_staff(client, user)
    return client
