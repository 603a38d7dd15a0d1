from rest_framework import renderers


class BrowsableAPIRenderer(renderers.BrowsableAPIRenderer):
    """DRF's browsable page, without the filter form for views that have no filters.

    DRF builds that form by calling ``get_queryset()``, which many of our views (lists built by
    a selector, or not backed by one model) do not have: the page would crash instead of
    showing the JSON.
    """

    def get_filter_form(self, data, view, request):
        if not getattr(view, "filter_backends", None):
            return None
        return super().get_filter_form(data, view, request)
