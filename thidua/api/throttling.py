"""The API's rate limit for anonymous clients, counted per visitor's address as the login
throttling and the event view counter see it (`DJANGO_CLIENT_IP_HEADER`, else REMOTE_ADDR).

DRF's own `AnonRateThrottle` reads `X-Forwarded-For` when a request carries it, else REMOTE_ADDR:
behind the nginx of docs/deploy (which sets X-Real-IP) every visitor would share nginx's address
and one limit, and any client could escape the limit by sending an X-Forwarded-For of its own."""

from rest_framework import throttling

from thidua.login_attempts import client_address


class AnonRateThrottle(throttling.AnonRateThrottle):
    """`THIDUA_API_ANON_RATE` (scope `anon`) per visitor's address."""

    def get_ident(self, request):
        return client_address(request)
