// The server test runner (Boost.Test's main).
#define BOOST_TEST_MODULE tessera_server
#include <boost/test/unit_test.hpp>
