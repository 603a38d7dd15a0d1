from django.contrib import admin

from .models import Job, Plan


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ("name", "price", "duration", "created_at")
    search_fields = ("name", "description")
    list_filter = ("duration",)


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ("name", "created_at")
    search_fields = ("name",)
