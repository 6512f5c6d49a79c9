"""The client's address for login throttling: the proxy's header only when we sit behind one."""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """REMOTE_ADDR, or behind the load balancer the address it appended to X-Forwarded-For.

    Behind a load balancer every REMOTE_ADDR is the balancer's, so one client's failed logins
    would lock everybody out of that username. Only the right-most entry is the balancer's own
    observation; entries left of it come from the client and may be forged. Without
    DJANGO_BEHIND_PROXY the header is ignored, since any client could then pick its address.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    if not settings.BEHIND_PROXY:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    try:
        return str(ipaddress.ip_address(hops[-1]))
    except ValueError:
        return remote
