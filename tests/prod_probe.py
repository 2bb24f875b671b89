"""Fetch pages through the full middleware stack under careerguide.settings.prod.

Run by tests/test_prod_settings.py in a subprocess (prod.py reads the
environment at import, so it cannot share the pytest process). Prints one JSON
object: for each probe, the status, headers, cookies and body of the response.
Requires a migrated database and collected static files (the test sets both up).
"""

import json
import os
import sys

import django

HOST = "careerguide.example.org"


def _boom(request):
    raise RuntimeError("prod-probe deliberate failure")


def _describe(response):
    cookies = {
        name: {
            "secure": bool(morsel["secure"]),
            "httponly": bool(morsel["httponly"]),
            "samesite": morsel["samesite"],
            "path": morsel["path"],
            "domain": morsel["domain"],
        }
        for name, morsel in response.cookies.items()
    }
    return {
        "status": response.status_code,
        "headers": dict(response.headers.items()),
        "cookies": cookies,
        "body": response.content.decode("utf-8", "replace"),
    }


def main():
    sys.path.insert(0, os.getcwd())
    django.setup()

    from django.contrib import admin
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import clear_url_caches, path

    import careerguide.urls

    # A view that fails, to see what a visitor gets from an unhandled error.
    careerguide.urls.urlpatterns.insert(0, path("prod-probe-boom/", _boom))
    clear_url_caches()

    password = "probe-Password-3141"
    user = get_user_model().objects.create_superuser("probe-admin", "probe@example.org", password)

    client = Client(raise_request_exception=False, SERVER_NAME=HOST)
    results = {}

    def fetch(name, url, *, method="get", secure=True, **data):
        results[name] = _describe(getattr(client, method)(url, data or None, secure=secure))

    fetch("home", "/")
    fetch("role_list", "/careers/")
    fetch("faq", "/faq/")
    fetch("not_found", "/no-such-page-anywhere/")
    fetch("server_error", "/prod-probe-boom/")
    # Development's previews of the error pages (careerguide/urls_dev.py) do not exist here.
    for code in ("404", "500", "503"):
        fetch(f"preview_{code}", f"/{code}/")
    fetch("plain_http", "/careers/", secure=False)
    fetch("admin_login", "/admin/login/")
    fetch(
        "admin_login_post",
        "/admin/login/?next=/admin/",
        method="post",
        username="probe-admin",
        password=password,
    )
    fetch("admin_index", "/admin/")
    fetch("admin_user_change", f"/admin/auth/user/{user.pk}/change/")
    fetch("admin_user_add", "/admin/auth/user/add/")

    from careers.models import Role

    if admin.site.is_registered(Role):
        fetch("admin_role_add", "/admin/careers/role/add/")

    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
