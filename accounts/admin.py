from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from .models import ApiKey, Invite, Team, User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = (
        "username",
        "email",
        "first_name",
        "last_name",
        "subscription_tier",
        "team",
        "is_staff",
        "is_active",
        "locked_until",
        "created_at",
    )
    list_filter = ("subscription_tier", "is_staff", "is_superuser", "is_active", "team")
    search_fields = ("username", "email", "first_name", "last_name")
    ordering = ("-created_at",)
    readonly_fields = ("created_at", "updated_at", "last_login", "date_joined")
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        (
            "Profile",
            {
                "fields": (
                    "phone",
                    "linkedin_url",
                    "github_url",
                    "website_url",
                    "bio",
                    "location",
                    "profile_image",
                    "preferred_cv_template",
                    "preferred_ai_model",
                    "email_notifications",
                )
            },
        ),
        ("Plan and team", {"fields": ("subscription_tier", "team", "google_sub")}),
        ("Sign-in lockout", {"fields": ("failed_login_count", "locked_until")}),
        ("Timestamps", {"fields": ("created_at", "updated_at")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("username", "email", "password1", "password2")}),
    )
    actions = ["unlock_accounts"]

    @admin.action(description="Unlock the selected accounts")
    def unlock_accounts(self, request, queryset):
        updated = queryset.update(failed_login_count=0, locked_until=None)
        self.message_user(request, f"Unlocked {updated} account(s).")


class MemberInline(admin.TabularInline):
    model = User
    fk_name = "team"
    fields = ("username", "email", "subscription_tier")
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ("name", "owner", "created_at")
    search_fields = ("name", "owner__email")
    inlines = [MemberInline]


@admin.register(Invite)
class InviteAdmin(admin.ModelAdmin):
    list_display = ("email", "team", "invited_by", "accepted_at", "created_at")
    search_fields = ("email", "team__name")
    list_filter = ("accepted_at",)


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    list_display = ("prefix", "user", "name", "created_at", "last_used_at", "revoked_at")
    search_fields = ("prefix", "user__email", "name")
    list_filter = ("revoked_at",)
    readonly_fields = ("prefix", "key_hash", "created_at", "last_used_at")
