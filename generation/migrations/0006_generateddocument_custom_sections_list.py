from django.db import migrations, models


def to_list(apps, schema_editor):
    """``{title: [lines]}`` → ``[{"title", "lines"}]`` (the order jsonb kept is the best known)."""
    GeneratedDocument = apps.get_model("generation", "GeneratedDocument")
    for document in GeneratedDocument.objects.only("pk", "custom_sections").iterator():
        if isinstance(document.custom_sections, dict):
            document.custom_sections = [
                {"title": title, "lines": list(lines)} for title, lines in document.custom_sections.items()
            ]
            document.save(update_fields=["custom_sections"])


def to_dict(apps, schema_editor):
    GeneratedDocument = apps.get_model("generation", "GeneratedDocument")
    for document in GeneratedDocument.objects.only("pk", "custom_sections").iterator():
        if isinstance(document.custom_sections, list):
            document.custom_sections = {s["title"]: s["lines"] for s in document.custom_sections}
            document.save(update_fields=["custom_sections"])


class Migration(migrations.Migration):
    dependencies = [
        ("generation", "0005_jobdescription_generateddocument"),
    ]

    operations = [
        migrations.AlterField(
            model_name="generateddocument",
            name="custom_sections",
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.RunPython(to_list, to_dict),
    ]
