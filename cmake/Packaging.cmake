# SPDX-License-Identifier: EUPL-1.2
# The Debian package: `cpack -G DEB` in a release build tree (cmake --preset release, then
# cmake --build --preset release) writes cfp_VERSION_ARCH.deb, installed with
# `apt install ./cfp_*.deb`. It holds what `cmake --install` puts under the prefix (/usr here):
# bin/cfp, share/man/man1/cfp.1.gz, share/doc/cfp/copyright.
#
# The dependencies are read from the binary by dpkg-shlibdeps (Debian's dpkg-dev): fmt, date-tz
# and the C and C++ libraries (SQLite, utf8proc and nettle are linked in: CFP_LINK_ARCHIVES).
# A package made from a sanitized build (the ci preset, which the package test uses) depends on
# the sanitizers' run-time libraries as well; one to install is made from the release preset.

include(GNUInstallDirs)

# Debian wants the licence in /usr/share/doc/PACKAGE/copyright.
install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" DESTINATION ${CMAKE_INSTALL_DOCDIR} RENAME copyright)

set(CFP_PACKAGE_MAINTAINER "cfp maintainers <maintainers@users.noreply.r-seed-fdfbcf91.example>" CACHE STRING
  "The Maintainer of the Debian package: NAME <EMAIL>")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME cfp)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "${CFP_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
# Debian wants the long description in lines of under 80 columns; CPack indents each one.
set(CPACK_PACKAGE_DESCRIPTION "\
cfp keeps calls for proposals, their cut-offs (17:00 Brussels time) and the
proposals submitted to them in one SQLite database, from the terminal:
deadlines and time left, submissions with their documents, scores, ranking
against a budget, reports, the cut-offs as an iCalendar file, an HTML
dashboard, CSV and JSON import and export, and an audit log.
Licence: EUPL-1.2.")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CFP_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# date-tz reads the zone database at run time, which no library link shows.
set(CPACK_DEBIAN_PACKAGE_DEPENDS tzdata)
# libpq is loaded only for a server database (--db postgresql://...), so no link shows it either.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS libpq5)

include(CPack)
