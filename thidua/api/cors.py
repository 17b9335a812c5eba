"""Cross-origin reads of the API: any site may GET it (public data); nothing else."""

API_PREFIX = "/api/"
ALLOWED_METHODS = "GET, HEAD, OPTIONS"


class ApiCorsMiddleware:
    """Answers a preflight OPTIONS under /api/ and adds Access-Control-Allow-Origin: * to the
    API's GET and HEAD responses. No credentials: a cookie is never sent cross-origin."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS" and "HTTP_ACCESS_CONTROL_REQUEST_METHOD" in request.META:
            from django.http import HttpResponse

            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
            response["Access-Control-Allow-Headers"] = "Accept, Content-Type"
            response["Access-Control-Max-Age"] = "86400"
        else:
            response = self.get_response(request)
        if request.method in ("GET", "HEAD", "OPTIONS"):
            response["Access-Control-Allow-Origin"] = "*"
        return response
