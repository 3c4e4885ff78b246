"""Real-browser tests (issue 7): Chromium, driven by Playwright, against the app on a real server.

``support`` holds the servers, the browser settings and the helpers; ``states`` lists every page
and state a person can reach (the accessibility sweep and ``make screenshots`` walk it).
"""
