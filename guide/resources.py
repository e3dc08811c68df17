"""Route factories: load the object a URL names, or answer 404 before any view runs."""
from pyramid.httpexceptions import HTTPNotFound

from .catalogue.interfaces import ICatalogueService
from .places.interfaces import IPlacesService


class ItemResource:
    def __init__(self, request):
        self.item = request.find_service(ICatalogueService).get_item(request.matchdict["code"])
        if self.item is None:
            raise HTTPNotFound()


class DepartmentResource:
    def __init__(self, request):
        self.department = request.find_service(ICatalogueService).get_department(request.matchdict["code"])
        if self.department is None:
            raise HTTPNotFound()


class CenterResource:
    def __init__(self, request):
        self.center = request.find_service(IPlacesService).get_center(request.matchdict["code"])
        if self.center is None:
            raise HTTPNotFound()
