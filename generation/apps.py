from django.apps import AppConfig


class GenerationConfig(AppConfig):
    name = "generation"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The AI engine's builtin analyse_cv answers with the CV analysis engine, so the scores
        # are the same whichever way an analysis is asked for.
        from llm.builtin import register
        from resumes.analysis.llm_handler import analyse_cv_handler

        register("analyse_cv")(analyse_cv_handler)
