// baosong_translations holds the compiled translations (:/i18n/baosong_<lang>.qm) as a resource; this
// file gives the library a source of its own. core/Translations loads them.
namespace baosong {
int translationsResourceAnchor = 0;
} // namespace baosong
