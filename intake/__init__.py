"""The intake application factory."""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from config import Config, config_from_env

ROOT = Path(__file__).resolve().parent.parent


def init_session_teardown(app: Flask) -> None:
    """Never let a dead connection turn the end of a finished request into a bare 500.

    Flask-SQLAlchemy's own teardown rolls back through the connection; if the database went
    away after the request's last query, that ROLLBACK raises outside every error handler.
    Registered after ``db.init_app``, this runs first and removes the session safely.
    """
    from sqlalchemy.exc import SQLAlchemyError

    from intake.extensions import db

    @app.teardown_appcontext
    def _remove_session(exc: BaseException | None) -> None:
        try:
            db.session.remove()
        except SQLAlchemyError:
            db.session.remove()  # the broken connection is discarded; a second remove is clean


def create_app(config_class: type[Config] | Config | None = None) -> Flask:
    """Build the app. Opens no database connection, so CLI tools and error pages need none."""
    config = config_from_env() if config_class is None else config_class
    if isinstance(config, type):
        config = config()
    config.validate()

    app = Flask(
        "intake",
        root_path=str(ROOT),
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
        instance_path=str(ROOT / "instance"),
    )
    app.config.from_object(config)
    app.config["CONTENT_FOLDER"] = str(ROOT / "content")
    app.config["ENV_NAME"] = config.ENV_NAME

    from intake import errors, health, logs, security, templating
    from intake.extensions import db, init_csrf, init_limiter, mail, migrate

    logs.init_app(app)
    db.init_app(app)
    init_session_teardown(app)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"))
    init_csrf(app)
    mail.init_app(app)
    init_limiter(app)
    security.init_app(app)
    templating.init_app(app)
    errors.init_app(app)

    from intake import auth

    auth.init_app(app)  # Flask-Login and the deny-by-default check on every request

    from intake.notify import check_settings

    check_settings(app)  # a bad mail address or route stops start-up, not each submission

    from intake.enquiry import bp as enquiry_bp
    from intake.public import bp as public_bp

    app.register_blueprint(public_bp)
    app.register_blueprint(enquiry_bp)
    app.register_blueprint(health.bp)

    from intake.staff import bp as staff_bp

    app.register_blueprint(auth.bp)
    app.register_blueprint(staff_bp)

    from intake.cli import init_cli

    init_cli(app)

    from sqlalchemy.orm import configure_mappers

    # Every model is imported by now: set up their mappers here, once, rather than on the first
    # query that happens to need it. The contact form's store builds its Enquiry without a
    # query (``enquiry.service.attached_enquiry``), which needs them configured; until the
    # fifteenth session an inbox option built at import time had configured them by accident.
    configure_mappers()

    from intake.public.page_cache import PublicPageCache
    from intake.public.views import CACHED_PATHS

    # Inside ProxyFix: the cache logs the client ProxyFix resolved.
    app.wsgi_app = PublicPageCache(app.wsgi_app, CACHED_PATHS)  # type: ignore[method-assign]
    if app.config["TRUSTED_PROXY_COUNT"]:
        n = app.config["TRUSTED_PROXY_COUNT"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=n)  # type: ignore[method-assign]
    return app
