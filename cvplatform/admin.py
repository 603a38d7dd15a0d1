"""The admin site's own name: staff should see which product they are administering."""

from django.contrib import admin

admin.site.site_header = "CV Platform administration"
admin.site.site_title = "CV Platform admin"
admin.site.index_title = "Users, CVs, jobs and AI models"
