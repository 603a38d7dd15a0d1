"""The router behind ``run_task``: pick models, enforce access and limits, call, validate,
repair once, fail over, trip breakers, and record every attempt.

Not wrapped in one transaction on purpose: provider calls take seconds, and holding a
database transaction (and its locks) open across them would stall other writers. Each call
row is written on its own as soon as the attempt ends.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass
from datetime import datetime
from datetime import time as dtime
from decimal import Decimal

from django.core.cache import cache
from django.utils import timezone
from pydantic import BaseModel, ValidationError

from cvplatform.exceptions import ApplicationError, QuotaExceeded, ServiceUnavailable

from . import breaker, builtin
from .models import AIModel, ErrorClass, LLMCall, Outcome, Provider
from .prompts import Prompt, build_prompt, repair_messages
from .providers import REMOTE, Completion, ProviderError

BUILTIN_LABEL = "Builtin"
ERROR_REASONS = {
    ErrorClass.RATE_LIMIT: "the provider is rate limiting requests",
    ErrorClass.TIMEOUT: "the provider did not answer in time",
    ErrorClass.AUTH: "the model is not configured or its key was refused",
    ErrorClass.BAD_REQUEST: "the provider rejected the request",
    ErrorClass.SERVER: "the provider is failing or paused by its circuit breaker",
    ErrorClass.INVALID_OUTPUT: "the model's answer was unusable",
}


@dataclass
class TaskResult:
    output: BaseModel
    call: LLMCall

    @property
    def failed_over(self) -> bool:
        return self.call.failed_over


# --- model resolution and access -------------------------------------------------------------
def builtin_model() -> AIModel:
    """The builtin row when seeded, else an unsaved stand-in: the engine works without data."""
    row = AIModel.objects.filter(provider=Provider.BUILTIN).order_by("-is_active", "priority").first()
    return row or AIModel(display_name=BUILTIN_LABEL, provider=Provider.BUILTIN, model_name="builtin-v1")


def model_lookup(name: str) -> AIModel:
    model = (
        AIModel.objects.filter(display_name__iexact=name.strip()).first()
        or AIModel.objects.filter(model_name=name.strip()).first()
    )
    if model is None or not model.is_active:
        raise ApplicationError(
            f"Unknown AI model “{name}”.",
            code="unknown_model",
            fields={"model": [f"Unknown AI model “{name}”."]},
        )
    return model


def _start_of_day() -> datetime:
    now = timezone.localtime()
    return timezone.make_aware(datetime.combine(now.date(), dtime.min), now.tzinfo)


def calls_today(*, user, model: AIModel) -> int:
    if not user or not model.pk:
        return 0
    return (
        LLMCall.objects.filter(user=user, ai_model=model, created_at__gte=_start_of_day())
        .exclude(outcome=Outcome.ERROR)
        .count()
    )


def _anonymous_key(model: AIModel, client_key: str) -> str:
    return f"llm:anon-usage:{model.pk}:{timezone.localdate().isoformat()}:{client_key}"


def anonymous_calls_today(*, model: AIModel, client_key: str) -> int:
    return cache.get(_anonymous_key(model, client_key), 0) if client_key and model.pk else 0


def note_anonymous_use(*, model: AIModel, client_key: str) -> None:
    """Count a signed-out client's successful call (by address) against the model's daily limit.
    A cache counter, not the call log: anonymous calls have no user to count by."""
    if not (client_key and model.pk and model.daily_limit):
        return
    breaker.cache_increment(_anonymous_key(model, client_key), timeout=26 * 3600)


def over_daily_limit(*, user, model: AIModel, client_key: str = "") -> bool:
    if not model.daily_limit:
        return False
    if user is None:
        return anonymous_calls_today(model=model, client_key=client_key) >= model.daily_limit
    return calls_today(user=user, model=model) >= model.daily_limit


def check_access(*, user, model: AIModel, client_key: str = "") -> None:
    """An explicitly chosen model: login rule (401) and daily limit (429)."""
    if model.login_required and user is None:
        raise ApplicationError(
            f"Sign in to use {model.display_name}.", code="not_authenticated", status_code=401
        )
    if over_daily_limit(user=user, model=model, client_key=client_key):
        who = "per user" if user is not None else "per signed-out visitor"
        raise QuotaExceeded(
            f"Daily limit reached: {model.display_name} allows {model.daily_limit} requests {who} "
            "per day. Try again tomorrow or choose another model.",
            code="daily_limit_reached",
        )


def _usable_fallback(model: AIModel, user, client_key: str) -> bool:
    return (
        model.is_available
        and not (model.login_required and user is None)
        and not over_daily_limit(user=user, model=model, client_key=client_key)
    )


def build_chain(
    *, chosen: AIModel | None, user, allow_fallback: bool, client_key: str = "", builtin_last: bool = True
) -> list[AIModel]:
    """The models to try in order; a failover chain ends with the builtin engine, unless
    ``builtin_last`` is False and a remote model is in it (with none, builtin still answers)."""
    chain = [chosen] if chosen else []
    if chosen and (not allow_fallback or chosen.provider == Provider.BUILTIN):
        return chain  # builtin always answers: nothing to fail over to
    remote = (
        AIModel.objects.filter(is_active=True).exclude(provider=Provider.BUILTIN).order_by("priority", "id")
    )
    chain += [m for m in remote if m not in chain and _usable_fallback(m, user, client_key)]
    if builtin_last or not chain:  # (a chosen builtin returned above)
        chain.append(builtin_model())
    return chain if allow_fallback else chain[:1]


# --- output validation -----------------------------------------------------------------------
_FENCE = re.compile(r"^```(?:json)?\s*|\s*```$", re.I)


class InvalidOutput(Exception):
    def __init__(self, message: str, repairable: bool = True) -> None:
        super().__init__(message)
        self.repairable = repairable


def parse_output(text: str, schema: type[BaseModel], prompt: Prompt | None) -> BaseModel:
    if prompt is not None and prompt.leaks(text):
        raise InvalidOutput("The answer reveals the system prompt.", repairable=False)
    try:
        data = json.loads(_FENCE.sub("", text.strip()))
    except ValueError as exc:
        raise InvalidOutput(f"The answer is not JSON: {exc}") from exc
    try:
        return schema.model_validate(data)
    except ValidationError as exc:
        raise InvalidOutput(str(exc)) from exc


# --- recording -------------------------------------------------------------------------------
def cost_of(model: AIModel, input_tokens: int, output_tokens: int) -> Decimal:
    per_million = Decimal(1_000_000)
    cost = Decimal(input_tokens) * Decimal(model.input_price_per_million) / per_million
    cost += Decimal(output_tokens) * Decimal(model.output_price_per_million) / per_million
    return cost.quantize(Decimal("0.000001"))


def record_call(
    *,
    user,
    model: AIModel,
    task: str,
    started: float,
    outcome: str,
    failed_over: bool,
    prompt_version: str = "",
    input_tokens: int = 0,
    output_tokens: int = 0,
    error: ProviderError | None = None,
) -> LLMCall:
    return LLMCall.objects.create(
        user=user,
        ai_model=model if model.pk else None,
        model_label=model.display_name,
        provider=model.provider,
        task=task,
        prompt_version=prompt_version,
        input_tokens=input_tokens,
        output_tokens=output_tokens,
        cost=cost_of(model, input_tokens, output_tokens),
        latency_ms=max(0, round((time.monotonic() - started) * 1000)),
        outcome=outcome,
        error_class=error.error_class if error else "",
        error_message=error.message if error else "",
        failed_over=failed_over,
    )


# --- attempts --------------------------------------------------------------------------------
def _run_builtin(*, model, task, inputs, schema, user, failed_over) -> TaskResult:
    started = time.monotonic()
    raw = builtin.run(task, inputs)
    data = raw.model_dump(mode="json") if isinstance(raw, BaseModel) else raw
    # A builtin answer that does not fit the caller's schema is a programming error: let it raise.
    output = schema.model_validate(data)
    call = record_call(
        user=user,
        model=model,
        task=task,
        started=started,
        outcome=Outcome.SUCCESS,
        failed_over=failed_over,
        prompt_version="builtin",
    )
    return TaskResult(output=output, call=call)


def _complete(model: AIModel, messages, schema: type[BaseModel], json_schema: dict) -> Completion:
    provider = REMOTE[model.provider]
    return provider.complete(
        model=model, messages=messages, schema=json_schema, schema_name=schema.__name__[:64]
    )


def _run_remote(*, model, task, inputs, schema, user, failed_over) -> TaskResult | ProviderError:
    started = time.monotonic()
    json_schema = schema.model_json_schema()  # built once: the prompt and each request send it
    prompt = build_prompt(task=task, inputs=inputs, json_schema=json_schema)
    tokens = [0, 0]
    outcome = Outcome.SUCCESS
    try:
        first = _complete(model, prompt.messages, schema, json_schema)
        tokens = [first.input_tokens, first.output_tokens]
        try:
            output = parse_output(first.text, schema, prompt)
        except InvalidOutput as exc:
            if not exc.repairable:
                raise ProviderError(ErrorClass.INVALID_OUTPUT, str(exc)) from exc
            # One repair attempt: show the model its answer and the validation errors.
            second = _complete(model, repair_messages(prompt, first.text, str(exc)), schema, json_schema)
            tokens = [tokens[0] + second.input_tokens, tokens[1] + second.output_tokens]
            outcome = Outcome.REPAIRED
            try:
                output = parse_output(second.text, schema, prompt)
            except InvalidOutput as again:
                raise ProviderError(ErrorClass.INVALID_OUTPUT, str(again)) from again
    except ProviderError as err:
        if err.counts_against_breaker:
            breaker.breaker_record_failure(model_id=model.pk)
        record_call(
            user=user,
            model=model,
            task=task,
            started=started,
            outcome=Outcome.ERROR,
            failed_over=failed_over,
            prompt_version=prompt.version,
            input_tokens=tokens[0],
            output_tokens=tokens[1],
            error=err,
        )
        return err
    breaker.breaker_record_success(model_id=model.pk)
    call = record_call(
        user=user,
        model=model,
        task=task,
        started=started,
        outcome=outcome,
        failed_over=failed_over,
        prompt_version=prompt.version,
        input_tokens=tokens[0],
        output_tokens=tokens[1],
    )
    return TaskResult(output=output, call=call)


def _not_configured(model: AIModel) -> ProviderError:
    return ProviderError(
        ErrorClass.AUTH, f"{model.display_name} is not configured on this server (no API key)."
    )


def _answered(result: TaskResult, *, model: AIModel, user, client_key: str) -> TaskResult:
    """A successful call, whichever model gave it (builtin too), counts against that model's
    daily limit; signed-in users are counted from the call log, signed-out ones here."""
    if user is None:
        note_anonymous_use(model=model, client_key=client_key)
    return result


def route(
    *,
    task: str,
    inputs: dict,
    schema: type[BaseModel],
    user,
    chosen: AIModel | None,
    allow_fallback: bool,
    client_key: str = "",
    builtin_last: bool = True,
) -> TaskResult:
    chain = build_chain(
        chosen=chosen,
        user=user,
        allow_fallback=allow_fallback,
        client_key=client_key,
        builtin_last=builtin_last,
    )
    last_error: ProviderError | None = None
    for position, model in enumerate(chain):
        failed_over = position > 0
        if model.provider == Provider.BUILTIN:
            result = _run_builtin(
                model=model, task=task, inputs=inputs, schema=schema, user=user, failed_over=failed_over
            )
            return _answered(result, model=model, user=user, client_key=client_key)
        if not model.is_available:
            # Recorded, so the log shows why a chosen model did not answer.
            last_error = _not_configured(model)
            record_call(
                user=user,
                model=model,
                task=task,
                started=time.monotonic(),
                outcome=Outcome.ERROR,
                failed_over=failed_over,
                error=last_error,
            )
            continue
        if not breaker.breaker_allow(model_id=model.pk):
            last_error = ProviderError(
                ErrorClass.SERVER, f"{model.display_name} is paused by its circuit breaker."
            )
            continue
        result = _run_remote(
            model=model, task=task, inputs=inputs, schema=schema, user=user, failed_over=failed_over
        )
        if isinstance(result, TaskResult):
            return _answered(result, model=model, user=user, client_key=client_key)
        last_error = result
    name = chain[0].display_name if chain else "The AI model"
    # The provider's own message stays in the call log: it can name keys, hosts or quotas.
    reason = ERROR_REASONS.get(last_error.error_class, "it failed") if last_error else "no model could answer"
    raise ServiceUnavailable(
        f"{name} could not complete the request right now ({reason}). "
        "Try again later or choose another model.",
        code="model_unavailable",
        extra={"error_class": last_error.error_class if last_error else ""},
    )
