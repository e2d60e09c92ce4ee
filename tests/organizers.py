"""Builders for the organizers' side: people, their memberships, images to upload."""

import io
import itertools

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from PIL import Image

from awaz.accounts.models import User
from awaz.organizations.models import Membership, Organization, Role
from tests.factories import make_organization

_numbers = itertools.count(1)
PASSWORD = "a long organizer passphrase"
_hashed: dict[str, str] = {}


def _password_hash() -> str:
    # Argon2 is slow on purpose; one hash per hasher serves every test account.
    hasher = settings.PASSWORD_HASHERS[0]
    if hasher not in _hashed:
        _hashed[hasher] = make_password(PASSWORD)
    return _hashed[hasher]


def make_user(*, email: str | None = None, verified: bool = True, **fields: object) -> User:
    number = next(_numbers)
    return User.objects.create(
        email=email or f"person{number}@example.org",
        password=_password_hash(),
        email_verified_at=timezone.now() if verified else None,
        **fields,
    )


def make_member(
    role: str = Role.OWNER,
    *,
    organization: Organization | None = None,
    email: str | None = None,
) -> Membership:
    return Membership.objects.create(
        organization=organization or make_organization(),
        user=make_user(email=email),
        role=role,
    )


def client_for(user: User, *, enforce_csrf_checks: bool = False) -> Client:
    client = Client(enforce_csrf_checks=enforce_csrf_checks)
    client.force_login(user)
    return client


def image_bytes(
    *,
    size: tuple[int, int] = (800, 600),
    format: str = "JPEG",
    mode: str = "RGB",
    exif: bool = False,
) -> bytes:
    image = Image.new(mode, size, color=(200, 30, 30) if mode == "RGB" else None)
    buffer = io.BytesIO()
    options: dict[str, object] = {}
    if exif:
        data = Image.Exif()
        data[0x010F] = "SpyCam"  # Make
        data[0x0132] = "2024:01:01 10:00:00"  # DateTime
        data[0x8825] = {0x0001: "N", 0x0002: (43.0, 15.0, 0.0)}  # GPS
        options["exif"] = data
    image.save(buffer, format=format, **options)
    return buffer.getvalue()


def upload(
    data: bytes, name: str = "photo.jpg", content_type: str = "image/jpeg"
) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)
