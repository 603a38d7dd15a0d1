from django.contrib import admin

from .models import Client, ClientPlan, EnterpriseConfig, Job, Plan


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


@admin.register(ClientPlan)
class ClientPlanAdmin(admin.ModelAdmin):
    list_display = ("client", "plan", "start_date", "end_date", "created_at")
    list_filter = ("plan", "start_date")
    search_fields = ("client__name", "client__email", "client__owner__email", "plan__name")
    raw_id_fields = ("client",)


@admin.register(EnterpriseConfig)
class EnterpriseConfigAdmin(admin.ModelAdmin):
    list_display = ("id", "name", "owner", "data_retention_days", "updated_at")
    list_filter = ("data_retention_days",)
    search_fields = ("name", "owner__email", "owner__username")
    raw_id_fields = ("owner",)
    readonly_fields = ("created_at", "updated_at")
