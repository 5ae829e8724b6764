"""A WSGI app with one request that never ends, to show the app server kills it."""

import time


def application(environ, start_response):
    if environ["PATH_INFO"] == "/stuck":
        time.sleep(3600)
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"fine"]
