"""Organisations, people, reference data and the inspiration regions.

Who may see or do what is not decided here but in regions/access.py.
"""

import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractUser, Group
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from regions.uploads import private_storage


class Province(models.TextChoices):
    GRONINGEN = "groningen", "Groningen"
    FRYSLAN = "fryslan", "Fryslân"
    DRENTHE = "drenthe", "Drenthe"
    OVERIJSSEL = "overijssel", "Overijssel"
    FLEVOLAND = "flevoland", "Flevoland"
    GELDERLAND = "gelderland", "Gelderland"
    UTRECHT = "utrecht", "Utrecht"
    NOORD_HOLLAND = "noord-holland", "Noord-Holland"
    ZUID_HOLLAND = "zuid-holland", "Zuid-Holland"
    ZEELAND = "zeeland", "Zeeland"
    NOORD_BRABANT = "noord-brabant", "Noord-Brabant"
    LIMBURG = "limburg", "Limburg"


class Municipality(models.Model):
    """A Dutch gemeente (reference data, loaded from regions/data/municipalities.csv)."""

    cbs_code = models.CharField(_("CBS code"), max_length=6, unique=True)
    name = models.CharField(_("name"), max_length=100, unique=True)
    province = models.CharField(_("province"), max_length=20, choices=Province.choices)

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self):
        return self.name


class Samenwerkingsverband(models.Model):
    """A samenwerkingsverband passend onderwijs (reference data, regions/data/samenwerkingsverbanden.csv)."""

    class Sector(models.TextChoices):
        PO = "po", _("primary education (PO)")
        VO = "vo", _("secondary education (VO)")

    code = models.CharField(_("code"), max_length=10, unique=True)
    name = models.CharField(_("name"), max_length=200)
    sector = models.CharField(_("sector"), max_length=2, choices=Sector.choices)

    class Meta:
        ordering = ["code"]
        verbose_name = _("samenwerkingsverband")
        verbose_name_plural = _("samenwerkingsverbanden")

    def __str__(self):
        return f"{self.name} ({self.code})"


class Organisation(models.Model):
    """A national coalition member, partner, ministry, the programme office or a local partner."""

    class Kind(models.TextChoices):
        COALITION_MEMBER = "coalition_member", _("coalition member")
        KNOWLEDGE_PARTNER = "knowledge_partner", _("knowledge partner")
        MINISTRY = "ministry", _("ministry")
        AGENDA_MEMBER = "agenda_member", _("agenda member")
        PROGRAMME_OFFICE = "programme_office", _("programme office")
        MUNICIPALITY = "municipality", _("municipality (gemeente)")
        SWV_PO = "swv_po", _("samenwerkingsverband PO")
        SWV_VO = "swv_vo", _("samenwerkingsverband VO")
        SCHOOL_BOARD = "school_board", _("school board")
        CARE_PROVIDER = "care_provider", _("care provider")
        OTHER = "other", _("other local partner")

    NATIONAL_KINDS = (
        Kind.COALITION_MEMBER,
        Kind.KNOWLEDGE_PARTNER,
        Kind.MINISTRY,
        Kind.AGENDA_MEMBER,
        Kind.PROGRAMME_OFFICE,
    )

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    sector = models.CharField(
        _("sector"), max_length=100, blank=True, help_text=_("For example education, youth care, parents.")
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    # Each organisation has its own group: django-guardian grants per-object rights to groups,
    # so "this member organisation is paired with this region" is one grant on that group.
    group = models.OneToOneField(Group, on_delete=models.PROTECT, null=True, blank=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.short_name or self.name

    def get_absolute_url(self):
        return reverse("portal:organisation_detail", args=[self.slug])

    @property
    def display_name(self):
        return self.short_name or self.name

    @property
    def is_national(self):
        return self.kind in self.NATIONAL_KINDS


class User(AbstractUser):
    """A person who signs in. Belongs to at most one organisation (DB-enforced by the foreign key)."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
    )
    job_title = models.CharField(_("job title"), max_length=120, blank=True)

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.get_full_name() or self.username


class Region(models.Model):
    """An inspiratieregio: municipalities with their SWVs, schools and care providers."""

    class Status(models.TextChoices):
        APPLICANT = "applicant", _("applicant")
        ACTIVE = "active", _("active")
        ALUMNI = "alumni", _("alumni")

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.APPLICANT, db_index=True
    )
    province = models.CharField(_("province"), max_length=20, choices=Province.choices, blank=True)
    round = models.PositiveSmallIntegerField(_("round"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    development_question = models.TextField(_("development question (ontwikkelvraag)"), blank=True)
    municipalities = models.ManyToManyField(
        Municipality, verbose_name=_("municipalities"), related_name="regions", blank=True
    )
    samenwerkingsverbanden = models.ManyToManyField(
        Samenwerkingsverband, verbose_name=_("samenwerkingsverbanden"), related_name="regions", blank=True
    )
    partner_organisations = models.ManyToManyField(
        Organisation,
        verbose_name=_("local partner organisations"),
        related_name="partner_in_regions",
        blank=True,
    )
    knowledge_contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("knowledge contact (kennisverbinder)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="knowledge_contact_for",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        permissions = [
            # Granted (through guardian) to a member organisation's group: it is paired with the
            # region as coalitieverbinder, so its reviewers follow and review the region.
            ("pair_region", "Is paired with the region as coalition member organisation"),
            # Granted to a person: the named coalition connector of the region.
            ("connect_region", "Is the region's coalition connector"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("portal:region_detail", args=[self.slug])


class RegionMembership(models.Model):
    """A person on a region's team; verbinders are the region's one or two named contacts."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="region_memberships")
    is_verbinder = models.BooleanField(_("verbinder (region contact)"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("region team membership")
        verbose_name_plural = _("region team memberships")
        constraints = [models.UniqueConstraint(fields=["region", "user"], name="unique_region_member")]

    def __str__(self):
        return f"{self.user} @ {self.region}"


def _document_path(instance, filename):
    return f"regions/{instance.region_id}/{uuid.uuid4().hex}/{filename}"


class RegionDocument(models.Model):
    """A private file that belongs to a region (application documents, evidence, attachments).

    Stored outside the public media folder (regions.uploads.private_storage) and only served by
    the permission-checked download view to people who may see the region.
    """

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="documents")
    file = models.FileField(_("file"), storage=private_storage, upload_to=_document_path, max_length=255)
    name = models.CharField(_("file name"), max_length=120)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="uploaded_documents"
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("region document")
        verbose_name_plural = _("region documents")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("portal:document_download", args=[self.pk])


# Direct foreign-key permission tables, as django-guardian advises for speed: grants on a region
# join on region_id instead of a generic (content type, object id) pair.
class RegionUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Region, on_delete=models.CASCADE)


class RegionGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Region, on_delete=models.CASCADE)
