// The domain test runner: Boost.Test's main, as a shared library natively and header-only
// under Emscripten (where the same test files run in Node).
#define BOOST_TEST_MODULE tessera_domain
#ifdef TESSERA_BOOST_TEST_INCLUDED
#include <boost/test/included/unit_test.hpp>
#else
#include <boost/test/unit_test.hpp>
#endif
