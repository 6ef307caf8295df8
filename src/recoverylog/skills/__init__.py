"""The coping-skills library: the Skill record (model), the built-in skills, search,
effectiveness and suggestions (library), and shareable skill packs (packs)."""
