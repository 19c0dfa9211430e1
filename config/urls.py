from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms import views as cms_views
from config import views as config_views
from learning import views as learning_views
from regions import account_views
from regions import urls as region_urls
from workflows.core import urls as core_urls

# "Mijn omgeving": the start page of workflows.core and the region pages of regions, one namespace.
portal_patterns = ([*core_urls.urlpatterns, *region_urls.urlpatterns], "portal")

# URLs without a language: the admin, files, feeds, the API and what machines read.
urlpatterns = [
    # One sign-in for everyone: Wagtail admin's own login form would skip the site's templates.
    path("admin/login/", RedirectView.as_view(pattern_name="login", query_string=True), name="admin_login_redirect"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz/", config_views.healthz, name="healthz"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", cms_views.robots_txt, name="robots_txt"),
    path("", include("learning.library.urls")),  # lesson feeds and the lessons API
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Pages people read: Dutch at their own URL, English under /en/ (config.middleware).
urlpatterns += i18n_patterns(
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/2fa/", account_views.RecoveryCodesView.as_view(), name="two_factor_manage"),
    path("accounts/2fa/setup/", account_views.TwoFactorSetupView.as_view(), name="two_factor_setup"),
    path("accounts/2fa/verify/", account_views.TwoFactorVerifyView.as_view(), name="two_factor_verify"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("portal/enrolment/", include("workflows.enrolment.urls")),
    path("portal/reports/", include("workflows.reporting.urls")),
    path("portal/lessons/", include("workflows.sharing.urls")),
    path("portal/", include("learning.urls")),
    path("portal/", include(portal_patterns)),
    path("zoeken/", cms_views.search, name="search"),
    path("voortgang/", learning_views.public_progress, name="public_progress"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler400 = "config.views.bad_request"
handler403 = "config.views.permission_denied"
handler404 = "config.views.page_not_found"
handler500 = "config.views.server_error"
