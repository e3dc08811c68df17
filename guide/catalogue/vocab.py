"""The catalogue's closed vocabularies, with the UI labels readers see (through gettext)."""
from pyramid.i18n import TranslationStringFactory

_ = TranslationStringFactory("guide")

ITEM_TYPES = {
    "licensing": _("Administrative licensing"),
    "confirmation": _("Administrative confirmation"),
    "payment": _("Administrative payment"),
    "ruling": _("Administrative ruling"),
    "reward": _("Administrative reward"),
    "other_power": _("Other administrative power"),
    "public_service": _("Public service"),
}

AUDIENCES = {
    "individual": _("Individuals"),
    "enterprise": _("Businesses and organisations"),
    "both": _("Individuals and businesses"),
}

LEVELS = {
    "municipal": _("Municipal"),
    "district": _("District or county"),
}

CROSS_SITE_MODES = {
    "collect_forward": _("Hand in your materials at any service window that accepts this item. "
                         "The window sends them on to the responsible department, which decides."),
    "handle_local_approve": _("Apply at any service point that accepts this item. Your application "
                              "is handled there and approved by the responsible department."),
    "accept_transfer": _("Apply at any service point that accepts this item. It is accepted and "
                         "checked there, then transferred to the responsible department for approval."),
    "online_only": _("This item is handled online only: you do not need to visit a window."),
}

CROSS_SITE_MODE_NAMES = {
    "collect_forward": _("Collected anywhere, processed locally"),
    "handle_local_approve": _("Handled anywhere, approved locally"),
    "accept_transfer": _("Accepted anywhere, transferred for approval"),
    "online_only": _("Online only"),
}

#: The online depth from which an application can be made online (not only forms downloaded).
APPLY_ONLINE_DEPTH = 3
#: The online depth of an item done wholly online, from application to result.
FULLY_ONLINE_DEPTH = 4
ONLINE_DEPTHS = {
    1: _("Information online"),
    2: _("Forms can be downloaded"),
    3: _("Apply online"),
    4: _("Fully online"),
}

TOPICS = {
    "business": _("Starting and running a business"),
    "housing": _("Housing and real estate"),
    "family": _("Family, marriage and children"),
    "work": _("Work and employment"),
    "retirement": _("Retirement and pensions"),
    "vehicles": _("Vehicles and driving"),
    "travel": _("Travel documents"),
    "health": _("Health and medical insurance"),
    "education": _("Education"),
    "social": _("Social assistance and disability"),
}

DEPARTMENT_KINDS = {
    "hall": _("Handled at the service halls"),
    "functional": _("Handled at the department's service points"),
}

REQUIREMENTS = {
    "required": _("Required"),
    "conditional": _("If it applies"),
}

WINDOW_KINDS = {
    "integrated": _("Integrated service window"),
    "departmental": _("Department window"),
}

CENTER_KINDS = {
    "hall": _("Service hall"),
    "service_point": _("Department service point"),
}
