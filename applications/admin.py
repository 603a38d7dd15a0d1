from django.contrib import admin

from .models import JobApplication


@admin.register(JobApplication)
class JobApplicationAdmin(admin.ModelAdmin):
    list_display = ("job_title", "company_name", "user", "status", "date_applied", "is_deleted", "is_example")
    list_filter = ("status", "is_deleted", "is_example")
    search_fields = ("job_title", "company_name", "user__email", "notes")
    raw_id_fields = ("user", "resume_used")
    date_hierarchy = "created_at"
