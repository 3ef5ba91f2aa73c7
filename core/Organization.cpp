#include "Organization.h"
