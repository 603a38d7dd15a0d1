from django.apps import AppConfig


class GenerationConfig(AppConfig):
    name = "generation"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from llm.builtin import register

        from .chat.assistant import chat_reply_handler
        from .tailor.writer import write_cover_letter, write_cv

        # The chat assistant answers from the resume's analysis: the builtin engine's chat_reply.
        register("chat_reply")(chat_reply_handler)
        # CV Tailor's writing from artifacts; the grounding verifier checks it like any model's.
        register("generate_cv")(write_cv)
        register("generate_cover_letter")(write_cover_letter)
