"""The one settings reader: Django setting, then environment variable, then the typed default."""

from cvplatform.conf import setting


def test_the_default_when_nothing_is_set():
    assert setting("CVP_TEST_UNSET_VALUE", 20.0) == 20.0
    assert setting("CVP_TEST_UNSET_VALUE", "auto") == "auto"


def test_the_environment_is_cast_to_the_type_of_the_default(monkeypatch):
    monkeypatch.setenv("CVP_TEST_VALUE", "7")
    assert setting("CVP_TEST_VALUE", 3) == 7
    assert setting("CVP_TEST_VALUE", 3.5) == 7.0 and isinstance(setting("CVP_TEST_VALUE", 3.5), float)
    monkeypatch.setenv("CVP_TEST_VALUE", "off")
    assert setting("CVP_TEST_VALUE", True) is False


def test_a_django_setting_wins_over_the_environment(monkeypatch, settings):
    monkeypatch.setenv("CVP_TEST_VALUE", "7")
    settings.CVP_TEST_VALUE = "0.25"
    assert setting("CVP_TEST_VALUE", 1.0) == 0.25
    settings.CVP_TEST_VALUE = 9
    assert setting("CVP_TEST_VALUE", 1.0) == 9.0 and isinstance(setting("CVP_TEST_VALUE", 1.0), float)


def test_the_app_readers_keep_their_names_and_defaults(settings):
    from exports import conf as export_conf
    from generation import conf as generation_conf
    from llm import conf as llm_conf
    from resumes import conf as resume_conf

    assert resume_conf.parse_timeout_seconds() == 20.0
    assert export_conf.latex_memory_bytes() == 768 * 1024 * 1024
    assert llm_conf.timeout_seconds() == 30.0
    assert generation_conf.optimization_limit("enterprise") is None
    settings.OPTIMIZATION_LIMIT_FREE = "5"
    assert generation_conf.optimization_limit("free") == 5
