from django.apps import AppConfig


class GenerationConfig(AppConfig):
    name = "generation"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from llm.builtin import register

        from .chat.assistant import chat_reply_handler

        # The chat assistant answers from the resume's analysis: the builtin engine's chat_reply.
        register("chat_reply")(chat_reply_handler)
