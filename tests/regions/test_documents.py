"""Private region documents: checked on upload by their bytes, stored outside the public media
folder and served only through the permission-checked download view, as attachments."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from regions import services
from regions.models import RegionDocument
from regions.uploads import safe_filename, validate_upload
from tests.files import docx_bytes, odt_bytes, pdf_bytes, upload
from tests.regions.test_access import ALL_USERS, REGION_MATRIX


@pytest.mark.parametrize(
    ("name", "data"),
    [("plan.pdf", pdf_bytes()), ("plan.docx", docx_bytes()), ("plan.odt", odt_bytes())],
)
def test_accepted_types(name, data):
    assert validate_upload(upload(name, data))


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("leeg.pdf", b"", "empty"),
        ("script.pdf", b"<html><script>alert(1)</script></html>", "file_type"),
        ("plaatje.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>', "file_type"),
        ("vermomd.pdf", docx_bytes(), "file_type"),  # extension does not match the bytes
        ("pagina.html", pdf_bytes(), "file_type"),
        ("kapot.docx", b"\xff\xfe\x00garbage\x80\x81", "file_type"),
    ],
)
def test_refused_types(name, data, code):
    with pytest.raises(ValidationError) as error:
        validate_upload(upload(name, data, "application/pdf"))
    assert error.value.code == code


def test_size_limit(settings):
    settings.UPLOAD_MAX_BYTES = 100
    with pytest.raises(ValidationError) as error:
        validate_upload(upload("plan.pdf", pdf_bytes()))
    assert error.value.code == "too_large"


def test_safe_filename():
    assert safe_filename("../../etc/passwd") == "passwd"
    assert safe_filename('a<b>:"c|?.PDF') == "abc.pdf"
    assert safe_filename("") == "bestand"
    assert len(safe_filename("x" * 500 + ".pdf")) == 120


def _document(world, region):
    return services.region_document_add(
        region=region, uploaded_file=upload("plan.pdf", pdf_bytes()), user=world["team_a"]
    )


def test_private_file_is_stored_outside_media_and_has_no_public_url(world, settings):
    document = _document(world, world.region_a)
    path = document.file.path
    assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    with pytest.raises(ValueError):
        document.file.url  # noqa: B018


@pytest.mark.parametrize("username", ALL_USERS)
def test_download_matrix(client, world, login, username):
    document = _document(world, world.region_a)
    login(world[username])
    response = client.get(reverse("portal:document_download", args=[document.pk]))
    if "a" in REGION_MATRIX["region.view"].get(username, set()):
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment;")
        assert response["Content-Type"] == "application/pdf"
        assert "sandbox" in response["Content-Security-Policy"]
        assert b"".join(response.streaming_content).startswith(b"%PDF")
    else:
        assert response.status_code == 404


def test_anonymous_download_goes_to_login(client, world):
    document = _document(world, world.region_a)
    response = client.get(reverse("portal:document_download", args=[document.pk]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_team_uploads_through_the_region_page(client, world, login):
    login(world["team_a"])
    url = reverse("portal:region_document_upload", args=[world.region_a.slug])
    response = client.post(url, {"file": upload("Werkplan 2026.docx", docx_bytes())})
    assert response.status_code == 302
    document = RegionDocument.objects.get(region=world.region_a)
    assert document.name == "Werkplan 2026.docx"
    page = client.get(reverse("portal:region_detail", args=[world.region_a.slug])).content.decode()
    assert "Werkplan 2026.docx" in page


def test_wrong_upload_is_refused_with_a_dutch_message(client, world, login):
    login(world["team_a"])
    url = reverse("portal:region_document_upload", args=[world.region_a.slug])
    response = client.post(url, {"file": upload("virus.exe", b"MZ\x90\x00\x03rest")})
    assert response.status_code == 400
    assert "Dit soort bestand wordt niet geaccepteerd" in response.content.decode()
    assert not RegionDocument.objects.exists()


@pytest.mark.parametrize("username", ["reviewer_a", "office", "team_b"])
def test_only_the_team_may_upload(client, world, login, username):
    login(world[username])
    url = reverse("portal:region_document_upload", args=[world.region_a.slug])
    response = client.post(url, {"file": upload("plan.pdf", pdf_bytes())})
    assert response.status_code == 404
    assert not RegionDocument.objects.exists()
