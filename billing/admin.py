from django.contrib import admin

from .models import Client, Job, Plan


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ("name", "price", "duration", "created_at")
    search_fields = ("name", "description")
    list_filter = ("duration",)


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ("name", "created_at")
    search_fields = ("name",)


@admin.register(Client)
class ClientAdmin(admin.ModelAdmin):
    list_display = ("name", "email", "owner", "job", "created_at")
    search_fields = ("name", "email", "phone", "owner__email")
    raw_id_fields = ("owner",)
    list_select_related = ("owner", "job")
