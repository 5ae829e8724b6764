"""/api/v1/docs from the platform's own static files (vendored swagger-ui-dist).

django-ninja's own Swagger page loads its scripts from a CDN unless "ninja" is an
installed app; a county intranet has no CDN, and the page must also keep to the
Content-Security-Policy (no inline script).
"""

from django.shortcuts import render
from ninja.openapi.docs import Swagger


class LocalSwagger(Swagger):
    # No online validator badge: it would call validator.swagger.io with our schema's URL.
    default_settings = {**Swagger.default_settings, "validatorUrl": None}

    def render_page(self, request, api, **kwargs):
        settings = {**self.settings, "url": self.get_openapi_url(api, kwargs)}
        return render(request, "api/docs.html", {"api": api, "swagger_settings": settings})
