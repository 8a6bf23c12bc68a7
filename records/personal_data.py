"""A learner's own data, as they can download it (AVG right of access): who they are to the
platform, their assignments' status, completions, attempts, every answer they gave and their
certificates."""

from django.utils import timezone

from training import services
from training.models import Attempt, Completion


def _moment(value):
    return value.isoformat() if value else None


def personal_data(user):
    """Everything the platform keeps about ``user``, read only through their own records."""
    from certificates.models import Certificate

    profile = services.profile_of(user)
    attempts = (
        Attempt.objects.filter(learner=user)
        .select_related("module")
        .prefetch_related("responses")
        .order_by("started_at", "pk")
    )
    return {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "username": user.get_username(),
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "date_joined": _moment(user.date_joined),
            "last_login": _moment(user.last_login),
        },
        "profile": profile
        and {
            "organisation": str(profile.organisation) if profile.organisation_id else None,
            "function": profile.function,
            "employee_number": profile.employee_number,
            "active": profile.active,
        },
        "completions": [
            {
                "module": completion.module.title,
                "status": completion.status,
                "best_score": completion.best_score,
                "first_completed": _moment(completion.first_completed_at),
                "last_completed": _moment(completion.last_completed_at),
                "attempts": completion.attempt_count,
            }
            for completion in Completion.objects.filter(learner=user).select_related("module")
        ],
        "attempts": [
            {
                "module": attempt.module.title,
                "started": _moment(attempt.started_at),
                "finished": _moment(attempt.finished_at),
                "score": attempt.score,
                "passed": attempt.passed,
                "path": attempt.path,  # block ids of the steps the learner went through
                "answers": [
                    {
                        "step": response.block_id,
                        "type": response.block_type,
                        "chosen_options": response.chosen_options,
                        "verdict": response.verdict,
                        "points": str(response.points),
                        "answered": _moment(response.answered_at),
                    }
                    for response in attempt.responses.all()
                ],
            }
            for attempt in attempts
        ],
        "certificates": [
            {
                "name": certificate.learner_name,
                "module": certificate.module_title,
                "issued_on": _moment(certificate.issued_on),
                "valid_until": _moment(certificate.valid_until),
                "verification_code": certificate.code,
                "revoked": certificate.revoked,
                "replaced_by_a_newer_one": certificate.is_replaced,
            }
            for certificate in Certificate.objects.own(user)
            .with_replaced()
            .order_by("issued_on", "pk")
        ],
    }
