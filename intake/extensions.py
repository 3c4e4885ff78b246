"""Flask extensions, created unbound and attached to the app in ``create_app``."""

from __future__ import annotations

from flask import request
from flask_limiter import Limiter
from flask_login import LoginManager
from flask_mail import Mail
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect

from intake.database import Base


def client_address() -> str:
    """The rate-limit key: the client address as ProxyFix resolved it."""
    return request.remote_addr or "unknown"


db = SQLAlchemy(model_class=Base)
migrate = Migrate(render_as_batch=True, compare_type=True)
csrf = CSRFProtect()
mail = Mail()
limiter = Limiter(key_func=client_address)
login_manager = LoginManager()
