"""Routes of this app, one list per surface; cvplatform/urls.py mounts each list."""

# CV Tailor (/api/v1/, trailing slashes)
cvtailor: list = []
# Resume Optimizer (/api/v1, no trailing slashes)
optimizer: list = []
# ResuMate (/api/, trailing slashes)
resumate: list = []
# CV Genius: /api/cv/, /api/pack/, /api/users/
cvgenius_cv: list = []
cvgenius_pack: list = []
cvgenius_users: list = []
# PersonaForge (/pf/, no trailing slashes)
personaforge: list = []
